import { useEffect, useState, type FormEvent } from 'react';
import { useConfig } from '../config';
import { messages as m } from '../messages';
import { PageTitle } from '../ui';

/** Screen 1: in development a demo role and organization (the hub's dev token endpoint); otherwise the region's token. */
export function SignIn({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const config = useConfig();
  const [choices, setChoices] = useState<string[]>([]);
  const [choice, setChoice] = useState('coordinator-irkutsk');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!config.devSignIn) return;
    void fetch('/app/dev-token')
      .then((r) => r.json() as Promise<{ signIns: string[] }>)
      .then((r) => setChoices(r.signIns));
  }, [config.devSignIn]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!config.devSignIn) return token.trim() ? onSignedIn(token.trim()) : setError(m.signIn.failed);
    const response = await fetch('/app/dev-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ signIn: choice }),
    });
    if (!response.ok) return setError(m.signIn.failed);
    onSignedIn(((await response.json()) as { token: string }).token);
  };
  return (
    <section className="sign-in">
      <PageTitle>{m.signIn.title}</PageTitle>
      <form onSubmit={(e) => void submit(e)}>
        {config.devSignIn ? (
          <fieldset>
            <legend>{m.signIn.choose}</legend>
            <p>{m.signIn.devIntro}</p>
            {choices.map((id) => (
              <label key={id} className="choice">
                <input type="radio" name="signIn" value={id} checked={choice === id} onChange={() => setChoice(id)} />
                {m.signIn.demo[id] ?? id}
              </label>
            ))}
          </fieldset>
        ) : (
          <>
            <label htmlFor="token">{m.signIn.tokenLabel}</label>
            <textarea id="token" aria-describedby="token-help" value={token} onChange={(e) => setToken(e.target.value)} rows={4} />
            <p id="token-help">{m.signIn.tokenHelp}</p>
          </>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          {m.signIn.submit}
        </button>
      </form>
    </section>
  );
}
