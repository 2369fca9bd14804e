// Each area that adds demo data imports its seed module here.
import '../src/lib/training/seed-demo.ts';
import '../src/lib/training/seed-hr-demo.ts';
import '../src/lib/audit/seed-demo.ts';
import '../src/lib/programme/seed-demo.ts';
export {};
