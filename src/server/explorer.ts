import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';
import { projectRoot } from '../config/project-root.js';

/** Where `npm run build:explorer` (Vite) writes the explorer. */
export const EXPLORER_DIST = join(projectRoot(), 'dist', 'explorer');

/**
 * GET /explorer: the analyst explorer's built files, and /explorer/config.json telling it where
 * GraphQL listens. The page holds no data and no key: everything it shows it asks the public
 * API for with the analyst's own key. Its CSP allows this origin only (no CDN, no other host).
 */
export function explorer(graphqlPath: string): Router {
  const router = Router();
  router.use((_request, response, next) => {
    response.setHeader(
      'content-security-policy',
      // 'unsafe-inline' styles: Cytoscape injects one small <style> for its container.
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    next();
  });
  router.get('/config.json', (_request, response) => {
    response.json({ graphqlPath });
  });
  router.use(express.static(EXPLORER_DIST, { index: 'index.html' }));
  // Checked per request, so building after the API started is enough.
  router.use((_request, response) => {
    const built = existsSync(join(EXPLORER_DIST, 'index.html'));
    response
      .status(404)
      .type('text/plain')
      .send(built ? 'Not found' : 'The explorer is not built: run npm run build:explorer (npm run build and npm start do).');
  });
  return router;
}
