import { expect, it } from 'vitest';
import { edgesOf } from '../../explorer/src/edge-columns.js';
import { edgeColumns } from '../../src/infrastructure/campaign-picture.js';

// Issue 19: a campaign's picture sends its edges column by column, ends as indexes into its nodes;
// the explorer reads them back as the same edges, in the same order.
const nodes = ['phone:+61412345678', 'domain:rb.gy', 'url:https://x.com.au/login/1', 'url:https://x.com.au/login/2'].map((id) => ({ id }));
const edges = [
  { source: 'phone:+61412345678', target: 'url:https://x.com.au/login/2', kind: 'SHARED_EVIDENCE', reports: 3 },
  { source: 'domain:rb.gy', target: 'phone:+61412345678', kind: 'NAMES_DOMAIN', reports: 40 },
  { source: 'url:https://x.com.au/login/1', target: 'url:https://x.com.au/login/2', kind: 'SHARED_EVIDENCE', reports: 1 },
];

it('lists each edge by the indexes of its ends, its kind and its reports', () => {
  expect(edgeColumns({ nodes, edges })).toEqual({
    source: [0, 1, 2],
    target: [3, 0, 3],
    kind: ['SHARED_EVIDENCE', 'NAMES_DOMAIN', 'SHARED_EVIDENCE'],
    reports: [3, 40, 1],
  });
});

it('reads back as the same edges in the explorer', () => {
  expect(edgesOf(edgeColumns({ nodes, edges }), nodes)).toEqual(edges);
});
