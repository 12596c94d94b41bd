import lz from 'lz-string';
import { TEMPLATES, encodeShareFragment } from './src/scenario';
for (const [k, t] of Object.entries(TEMPLATES)) console.log(k, encodeShareFragment(t.build()).length);
for (const n of [1e5, 1e6, 1e7, 4e7]) {
  const c = lz.compressToEncodedURIComponent('a'.repeat(n));
  const t0 = performance.now(); const d = lz.decompressFromEncodedURIComponent(c);
  console.log(n, 'fragment', c.length, 'ms', Math.round(performance.now() - t0), d?.length);
}
