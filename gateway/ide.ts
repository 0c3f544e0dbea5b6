import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

/** Files of the IDE, served from the local install: a closed network has no CDN. */
const ASSETS: Record<string, { file: string; type: string }> = {
  '/ide/react.js': { file: 'react/umd/react.production.min.js', type: 'text/javascript' },
  '/ide/react-dom.js': { file: 'react-dom/umd/react-dom.production.min.js', type: 'text/javascript' },
  '/ide/graphiql.js': { file: 'graphiql/graphiql.min.js', type: 'text/javascript' },
  '/ide/graphiql.css': { file: 'graphiql/graphiql.min.css', type: 'text/css' },
};

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Federation hub — GraphiQL</title>
<link rel="stylesheet" href="/ide/graphiql.css"><style>body{margin:0;height:100vh}#ide{height:100vh}</style></head>
<body><div id="ide"></div>
<script src="/ide/react.js"></script><script src="/ide/react-dom.js"></script><script src="/ide/graphiql.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  ReactDOM.createRoot(document.getElementById('ide')).render(React.createElement(GraphiQL, {
    fetcher, defaultEditorToolsVisibility: true, isHeadersEditorEnabled: true,
    defaultHeaders: '{\\n  "Authorization": "Bearer <paste a token from: npm run token -- --role coordinator>"\\n}',
  }));
</script></body></html>`;

export function ideRoutes(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (req.method !== 'GET') return false;
  const wantsPage = pathname === '/' || (pathname === '/graphql' && (req.headers.accept ?? '').includes('text/html'));
  if (wantsPage) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
    return true;
  }
  const asset = ASSETS[pathname];
  if (!asset) return false;
  res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'max-age=3600' });
  fs.createReadStream(path.join(path.dirname(require.resolve('graphiql/package.json')), '..', asset.file)).pipe(res);
  return true;
}
