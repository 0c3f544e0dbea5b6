# One image for every hub process; docker-compose.yml picks the entry point per service.
FROM node:20-bookworm-slim
WORKDIR /hub
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
ENV NODE_ENV=production HOST=0.0.0.0
USER node
CMD ["node", "-r", "@swc-node/register", "gateway/index.ts"]
