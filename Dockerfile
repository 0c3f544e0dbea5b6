# One image for every hub process; docker-compose.yml picks the entry point per service.
FROM node:20-bookworm-slim
WORKDIR /hub
COPY package.json package-lock.json ./
# npm ci needs every workspace's package.json (package.json "workspaces"): the partner kit and the example partner.
COPY packages/partner-kit/package.json packages/partner-kit/
COPY examples/partner-culture/package.json examples/partner-culture/
# The install's postinstall builds the console only where its sources are: here they come with the next COPY.
COPY scripts/build-console.js scripts/
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
# The coordinator's console (console/ → console/dist), served by the gateway under /app/.
RUN node scripts/build-console.js
ENV NODE_ENV=production HOST=0.0.0.0
USER node
CMD ["node", "-r", "@swc-node/register", "gateway/index.ts"]
