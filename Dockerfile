# The API alone; docker-compose.yml runs it beside Neo4j. With NEO4J_URI set it starts no database.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
COPY cypher ./cypher
COPY schema ./schema
COPY explorer ./explorer
RUN npm run build && npm prune --omit=dev

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/cypher ./cypher
COPY --from=build /app/schema ./schema
EXPOSE 4000
CMD ["node", "dist/scripts/start.js"]
