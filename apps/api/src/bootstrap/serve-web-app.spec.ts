import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import express from 'express';
import request from 'supertest';
import { serveWebApp } from './serve-web-app';

/** A built web app as the Vite build leaves it: index.html, hashed assets and their compressed copies. */
const givenABuild = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-dist-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  const script = `export const texts = ${JSON.stringify('Kiện toàn '.repeat(500))};\n`;
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Kiện toàn</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-AbC123.js'), script);
  fs.writeFileSync(path.join(dir, 'assets', 'index-AbC123.js.br'), brotliCompressSync(script));
  fs.writeFileSync(path.join(dir, 'assets', 'index-AbC123.js.gz'), gzipSync(script));
  fs.writeFileSync(path.join(dir, 'assets', 'small-XyZ.css'), 'body{margin:0}');
  const app = express();
  serveWebApp(app, dir);
  app.use((_req, res) => void res.status(404).send('api'));
  return { app, script, dir };
};

const YEAR = /max-age=31536000.*immutable|immutable.*max-age=31536000/;

describe('the API serving the built web app', () => {
  it('given a browser that accepts brotli, then a hashed script comes as its brotli copy, cached for a year', async () => {
    const { app, script } = givenABuild();
    const response = await request(app).get('/assets/index-AbC123.js').set('Accept-Encoding', 'br, gzip');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(response.headers['cache-control']).toMatch(YEAR);
    expect(response.headers.vary).toMatch(/Accept-Encoding/i);
    expect(response.text).toBe(script);
  });

  it('given Chrome’s Accept-Encoding (gzip listed before br), then the brotli copy, the smaller', async () => {
    const { app, script } = givenABuild();
    const response = await request(app)
      .get('/assets/index-AbC123.js')
      .set('Accept-Encoding', 'gzip, deflate, br, zstd');
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.text).toBe(script);
  });

  it('given a browser that accepts only gzip, then the gzip copy', async () => {
    const { app, script } = givenABuild();
    const response = await request(app)
      .get('/assets/index-AbC123.js')
      .set('Accept-Encoding', 'gzip, deflate');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(Number(response.headers['content-length'])).toBeLessThan(script.length / 5);
    expect(response.text).toBe(script);
  });

  it('given no compression accepted, or an asset without copies, then the file as it is, still cached for a year', async () => {
    const { app, script } = givenABuild();
    const plain = await request(app).get('/assets/index-AbC123.js').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toMatch(YEAR);
    expect(plain.text).toBe(script);
    const css = await request(app).get('/assets/small-XyZ.css').set('Accept-Encoding', 'br');
    expect(css.headers['content-encoding']).toBeUndefined();
    expect(css.headers['cache-control']).toMatch(YEAR);
  });

  it('given the page or a client route, then index.html, never cached; the API paths and a missing asset are not it', async () => {
    const { app } = givenABuild();
    for (const url of ['/', '/procedures/1234']) {
      const page = await request(app).get(url).set('Accept', 'text/html');
      expect(page.status).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.text).toContain('<title>Kiện toàn</title>');
    }
    expect((await request(app).get('/api/procedures').set('Accept', 'text/html')).text).toBe('api');
    expect((await request(app).get('/assets/gone-000.js').set('Accept-Encoding', 'br')).status).toBe(404);
    // A path out of the assets folder is refused (serve-static answers 403).
    const escape = await request(app).get('/assets/..%2f..%2fetc%2fpasswd').set('Accept-Encoding', 'br');
    expect([403, 404]).toContain(escape.status);
  });

  it('given a file in the build named like an API path, then the API answers, not the file', async () => {
    const { app, dir } = givenABuild();
    fs.mkdirSync(path.join(dir, 'api'));
    fs.writeFileSync(path.join(dir, 'api', 'inbox'), 'a file');
    fs.writeFileSync(path.join(dir, 'health'), 'a file');
    fs.writeFileSync(path.join(dir, 'robots.txt'), 'User-agent: *');

    expect((await request(app).get('/api/inbox')).text).toBe('api');
    expect((await request(app).get('/health')).text).toBe('api');
    expect((await request(app).get('/robots.txt')).text).toBe('User-agent: *');
  });
});
