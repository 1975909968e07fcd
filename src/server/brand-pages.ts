import { Router } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { BrandPageService } from '../monitoring/brand-page.js';
import { brandPageHtml } from '../monitoring/brand-page-html.js';
import { quote } from '../text/excerpt.js';

/** Browsers and CDNs may keep a page this long: new scam numbers reach readers within it. */
const CACHE_SECONDS = 300;
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * GET /brands/<slug> (HTML) and /brands/<slug>.json: a registered brand's public official-channels
 * page, without a key (customer education), cacheable, and rate-limited per client address since
 * nobody signs in. An unknown or unregistered brand is 404.
 */
export function brandPages(pages: BrandPageService, perMinutePerAddress: number): Router {
  const limiter = new RateLimiterMemory({ points: perMinutePerAddress, duration: 60 });
  const router = Router();
  router.get('/:file', async (request, response, next) => {
    try {
      try {
        await limiter.consume(request.ip ?? request.socket.remoteAddress ?? 'unknown');
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        const retryAfter = Math.ceil(refusal.msBeforeNext / 1000);
        return response
          .status(429)
          .setHeader('retry-after', String(retryAfter))
          .type('text/plain')
          .send(`too many requests from this address; retry in ${retryAfter} s\n`);
      }
      const json = request.params.file.endsWith('.json');
      const slug = json ? request.params.file.slice(0, -'.json'.length) : request.params.file;
      if (!SLUG.test(slug))
        return response
          .status(404)
          .type('text/plain')
          .send(`no brand page ${quote(slug)}\n`);
      const page = await pages.page(slug);
      if (!page)
        return response
          .status(404)
          .type('text/plain')
          .send(`no brand page ${quote(slug)}\n`);
      response.setHeader('cache-control', `public, max-age=${CACHE_SECONDS}`);
      if (json) return response.json(page);
      response.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
      response.type('html').send(brandPageHtml(page));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
