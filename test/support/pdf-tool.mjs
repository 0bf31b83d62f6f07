// Reads a PDF file outside Jest (pdf.js loads its worker by dynamic import, which Jest's VM refuses):
// `node pdf-tool.mjs text FILE` prints its text; `node pdf-tool.mjs png FILE OUT_PREFIX` writes each page as PNG.
import fs from 'node:fs';
import { PDFParse } from 'pdf-parse';

const [command, file, prefix] = process.argv.slice(2);
const parser = new PDFParse({ data: new Uint8Array(fs.readFileSync(file)) });
try {
  if (command === 'text') process.stdout.write((await parser.getText()).text);
  else if (command === 'png') {
    const shots = await parser.getScreenshot({ scale: 1.5 });
    shots.pages.forEach((page, i) => fs.writeFileSync(`${prefix}-page-${i + 1}.png`, page.data));
    process.stdout.write(String(shots.pages.length));
  } else throw new Error(`unknown command ${command}`);
} finally {
  await parser.destroy();
}
