# The API alone; docker-compose.yml runs it beside Neo4j. With NEO4J_URI set it starts no database.
# Node 24 LTS (Node 20 left support in April 2026). The build stage compiles and drops dev
# dependencies; the runtime stage holds only what serving needs and runs as the image's `node` user.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
COPY cypher ./cypher
COPY schema ./schema
COPY explorer ./explorer
RUN npm run build && npm prune --omit=dev

FROM node:24-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 ATTACHMENTS_DIR=/app/.attachments
COPY --from=build --chown=root:root /app/package.json ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/cypher ./cypher
COPY --from=build --chown=root:root /app/schema ./schema
# The code is root's and read-only to the server; only the attachment store is the server's to write.
RUN mkdir -p /app/.attachments && chown node:node /app/.attachments
USER node
EXPOSE 4000
# /readyz answers 200 only while Neo4j answers too (slim images have no curl: Node's fetch asks).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/scripts/start.js"]
