import { useState, type FormEvent } from 'react';
import { request, useQuery } from '../api';
import { useConfig } from '../config';
import { formatDate } from '../dates';
import { graphql } from '../gql';
import type { ConsoleReferralInboxQuery, ReferralStatus } from '../gql/graphql';
import { label, messages as m } from '../messages';
import { Confirm, Errors, Loading, PageTitle } from '../ui';

const InboxQuery = graphql(`
  query ConsoleReferralInbox($status: [ReferralStatus!]) {
    referralInbox(status: $status, first: 100) {
      totalCount
      edges {
        node {
          id
          status
          statusReason
          requestedOn
          answerDueOn
          answerOverdue
          answeredOn
          requesterOrganization {
            name
            shortName
          }
          measure {
            title
          }
        }
      }
    }
  }
`);

const AcceptReferral = graphql(`
  mutation ConsoleAcceptReferral($input: AcceptReferralInput!) {
    acceptReferral(input: $input) {
      referral {
        id
        status
      }
      userErrors {
        code
        message
      }
    }
  }
`);

const DeclineReferral = graphql(`
  mutation ConsoleDeclineReferral($input: DeclineReferralInput!) {
    declineReferral(input: $input) {
      referral {
        id
        status
      }
      userErrors {
        code
        message
      }
    }
  }
`);

const RecordExecution = graphql(`
  mutation ConsoleRecordReferralExecution($input: RecordReferralExecutionInput!) {
    recordReferralExecution(input: $input) {
      referral {
        id
        status
      }
      userErrors {
        code
        message
      }
    }
  }
`);

type Referral = NonNullable<ConsoleReferralInboxQuery['referralInbox']>['edges'][number]['node'];

const OPEN: ReferralStatus[] = ['REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD'];

/** Screen 5: referrals addressed to the specialist's organization; accept, decline with a reason, record execution. */
export default function Inbox() {
  const config = useConfig();
  const [onlyOpen, setOnlyOpen] = useState(true);
  const { data, errors, loading, reload } = useQuery(InboxQuery, { status: onlyOpen ? OPEN : null });
  const [accepting, setAccepting] = useState<Referral | null>(null);
  const [answering, setAnswering] = useState<{ referral: Referral; kind: 'decline' | 'execution' } | null>(null);
  const [text, setText] = useState('');
  const [executedOn, setExecutedOn] = useState(config.today);
  const [completes, setCompletes] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const referrals = data?.referralInbox?.edges.map((e) => e.node) ?? [];

  const finish = async (problems: string[]) => {
    setAccepting(null);
    setAnswering(null);
    setText('');
    // The inbox is read again before the outcome is announced, so that what is announced is what is shown.
    await reload();
    setStatus(problems.length ? `${m.inbox.failed}: ${problems.join('; ')}` : m.inbox.done);
  };
  const accept = async () => {
    if (!accepting) return;
    setBusy(true);
    try {
      const r = await request(AcceptReferral, { input: { referralId: accepting.id } });
      await finish(r.data?.acceptReferral.userErrors.map((e) => e.message) ?? r.errors.map((e) => e.message));
    } finally {
      setBusy(false);
    }
  };
  const answer = async (event: FormEvent) => {
    event.preventDefault();
    if (!answering) return;
    setBusy(true);
    try {
      if (answering.kind === 'decline') {
        const r = await request(DeclineReferral, { input: { referralId: answering.referral.id, reason: text } });
        await finish(r.data?.declineReferral.userErrors.map((e) => e.message) ?? r.errors.map((e) => e.message));
      } else {
        const r = await request(RecordExecution, {
          input: {
            referralId: answering.referral.id,
            result: text,
            executedOn,
            completesMeasure: completes,
            idempotencyKey: crypto.randomUUID(),
          },
        });
        await finish(r.data?.recordReferralExecution.userErrors.map((e) => e.message) ?? r.errors.map((e) => e.message));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <PageTitle>{m.inbox.title}</PageTitle>
      <Errors errors={errors} />
      <div className="filters">
        <label className="choice">
          <input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} />
          {m.inbox.onlyOpen}
        </label>
        <span role="status">{m.inbox.count(referrals.length)}</span>
      </div>
      <p role="status" aria-live="polite">
        {status}
      </p>
      {loading && !data ? (
        <Loading />
      ) : referrals.length === 0 ? (
        <p>{m.inbox.empty}</p>
      ) : (
        <table>
          <caption>{m.inbox.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.inbox.measure}</th>
              <th scope="col">{m.inbox.from}</th>
              <th scope="col">{m.inbox.requestedOn}</th>
              <th scope="col">{m.inbox.answerDueOn}</th>
              <th scope="col">{m.inbox.status}</th>
              <th scope="col">{m.inbox.actions}</th>
            </tr>
          </thead>
          <tbody>
            {referrals.map((r) => {
              const title = r.measure?.title ?? r.id;
              return (
                <tr key={r.id} className={r.answerOverdue ? 'overdue' : undefined} data-testid="referral">
                  <th scope="row">{title}</th>
                  <td>{r.requesterOrganization?.shortName ?? r.requesterOrganization?.name ?? ''}</td>
                  <td>{formatDate(r.requestedOn)}</td>
                  <td>
                    {formatDate(r.answerDueOn)}
                    {r.answerOverdue && <span className="badge overdue-badge">{m.inbox.overdue}</span>}
                  </td>
                  <td data-testid="referral-status">
                    {label(m.referralStatuses, r.status)}
                    {r.statusReason && <div className="muted">{r.statusReason}</div>}
                  </td>
                  <td className="actions-cell">
                    {r.status === 'REQUESTED' && (
                      <>
                        <button
                          type="button"
                          className="primary"
                          onClick={() => setAccepting(r)}
                          aria-label={`${m.inbox.accept}: ${title}`}
                        >
                          {m.inbox.accept}
                        </button>
                        <button
                          type="button"
                          onClick={() => setAnswering({ referral: r, kind: 'decline' })}
                          aria-label={`${m.inbox.decline}: ${title}`}
                        >
                          {m.inbox.decline}
                        </button>
                      </>
                    )}
                    {(r.status === 'ACCEPTED' || r.status === 'IN_PROGRESS') && (
                      <button
                        type="button"
                        onClick={() => setAnswering({ referral: r, kind: 'execution' })}
                        aria-label={`${m.inbox.record}: ${title}`}
                      >
                        {m.inbox.record}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {answering && (
        <form className="answer" onSubmit={(e) => void answer(e)} aria-labelledby="answer-h">
          <h2 id="answer-h">
            {answering.kind === 'decline' ? m.inbox.declineTitle : m.inbox.recordTitle}: {answering.referral.measure?.title}
          </h2>
          {answering.kind === 'execution' && (
            <>
              <label>
                {m.inbox.executedOn}
                <input type="date" required value={executedOn} max={config.today} onChange={(e) => setExecutedOn(e.target.value)} />
              </label>
              <label className="choice">
                <input type="checkbox" checked={completes} onChange={(e) => setCompletes(e.target.checked)} />
                {m.inbox.completes}
              </label>
            </>
          )}
          <label>
            {answering.kind === 'decline' ? m.inbox.reason : m.inbox.result}
            <textarea required rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {answering.kind === 'decline' ? m.inbox.decline : m.inbox.record}
            </button>
            <button type="button" onClick={() => setAnswering(null)}>
              {m.consent.cancel}
            </button>
          </div>
        </form>
      )}
      <Confirm
        open={accepting !== null}
        busy={busy}
        text={accepting ? m.inbox.confirmAccept(accepting.measure?.title ?? '') : ''}
        onConfirm={() => void accept()}
        onCancel={() => setAccepting(null)}
      />
    </section>
  );
}
