import { StrictMode, Suspense, lazy, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { claimsOf, storedToken, storeToken } from './api';
import { ConfigContext, type ConsoleConfig } from './config';
import { messages as m } from './messages';
import { Link, navigate, usePath } from './router';
import { SignIn } from './screens/SignIn';
import { Loading } from './ui';
import './styles.css';

const Worklist = lazy(() => import('./screens/Worklist'));
const FamilyRoute = lazy(() => import('./screens/FamilyRoute'));
const AccessLog = lazy(() => import('./screens/AccessLog'));
const ResourceMap = lazy(() => import('./screens/ResourceMap'));
const Inbox = lazy(() => import('./screens/Inbox'));

function homeOf(role: string): string {
  if (role === 'ANALYST') return '/app/map';
  if (role === 'SPECIALIST') return '/app/inbox';
  return '/app/worklist';
}

function Screen({ path, role }: { path: string; role: string }) {
  let match: RegExpMatchArray | null;
  if ((match = path.match(/^\/app\/families\/([^/]+)\/?$/))) return <FamilyRoute familyId={decodeURIComponent(match[1])} />;
  if ((match = path.match(/^\/app\/people\/([^/]+)\/access-log\/?$/))) return <AccessLog personId={decodeURIComponent(match[1])} />;
  if (path.startsWith('/app/map')) return <ResourceMap />;
  if (path.startsWith('/app/inbox')) return <Inbox />;
  if (path.startsWith('/app/worklist')) return <Worklist />;
  return <Redirect to={homeOf(role)} />;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to), [to]);
  return null;
}

function App({ config }: { config: ConsoleConfig }) {
  const path = usePath();
  const [token, setToken] = useState(storedToken());
  const claims = token ? claimsOf(token) : null;
  const signIn = (t: string) => {
    storeToken(t);
    setToken(t);
    navigate(homeOf(claimsOf(t)?.role ?? ''));
  };
  const signOut = () => {
    storeToken(null);
    setToken(null);
    navigate('/app/');
  };
  return (
    <ConfigContext.Provider value={config}>
      <a className="skip" href="#main">
        {m.skipToContent}
      </a>
      <header>
        <span className="brand">{m.appTitle}</span>
        {claims && (
          <>
            <nav aria-label={m.nav.label}>
              <ul>
                {claims.role === 'COORDINATOR' && (
                  <li>
                    <Link href="/app/worklist" aria-current={path.startsWith('/app/worklist') ? 'page' : undefined}>
                      {m.nav.worklist}
                    </Link>
                  </li>
                )}
                {claims.role === 'SPECIALIST' && (
                  <li>
                    <Link href="/app/inbox" aria-current={path.startsWith('/app/inbox') ? 'page' : undefined}>
                      {m.nav.inbox}
                    </Link>
                  </li>
                )}
                {claims.role === 'ANALYST' && (
                  <li>
                    <Link href="/app/map" aria-current={path.startsWith('/app/map') ? 'page' : undefined}>
                      {m.nav.map}
                    </Link>
                  </li>
                )}
              </ul>
            </nav>
            <span className="who">
              {m.signedInAs}: {m.roles[claims.role] ?? claims.role}
              {claims.agency ? ` (${m.agencies[claims.agency] ?? claims.agency})` : ''}
            </span>
            <button type="button" onClick={signOut}>
              {m.signOut}
            </button>
          </>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {claims ? (
          <Suspense fallback={<Loading />}>
            <Screen path={path} role={claims.role} />
          </Suspense>
        ) : (
          <SignIn onSignedIn={signIn} />
        )}
      </main>
    </ConfigContext.Provider>
  );
}

// A deep link to a family route starts loading that screen while the configuration is fetched.
if (window.location.pathname.startsWith('/app/families/') && storedToken()) void import('./screens/FamilyRoute');

void fetch('/app/config.json')
  .then((r) => r.json() as Promise<ConsoleConfig>)
  .then((config) =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    ),
  );
