// @ts-check
import node from '@astrojs/node';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'server',
  // no request body may exceed the largest upload a route accepts (two 10 MB evidence files with their form)
  adapter: node({ mode: 'standalone', bodySizeLimit: 24 * 1024 * 1024 }),
  integrations: [react()],
  i18n: {
    locales: ['en', 'zh-cn'],
    defaultLocale: 'en',
    // the middleware maps /zh-cn/... onto the same pages, so one page file serves both languages
    routing: 'manual',
  },
  security: {
    checkOrigin: true,
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data: blob:", "connect-src 'self'", "font-src 'self'", "worker-src 'self'"],
    },
  },
  server: { host: process.env.HOST ?? 'localhost', port: Number(process.env.PORT ?? 4321) },
  vite: {
    build: { target: 'es2022' },
    ssr: { external: ['@node-rs/argon2', '@libsql/client', 'libsql', 'pdfkit', 'fontkit', '@expo-google-fonts/noto-sans-sc'] },
  },
});
