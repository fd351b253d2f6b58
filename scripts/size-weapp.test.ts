import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatReport, MAIN_PACKAGE_LIMIT_BYTES, measureWeapp, SUBPACKAGE_LIMIT_BYTES } from './size-weapp';

let dist: string;

function write(relative: string, bytes: number | string): void {
  const file = path.join(dist, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof bytes === 'string' ? bytes : Buffer.alloc(bytes));
}

beforeEach(() => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'size-weapp-'));
});

afterEach(() => {
  fs.rmSync(dist, { recursive: true, force: true });
});

test('splits files between the main package and each subpackage root', () => {
  const appJson = JSON.stringify({ pages: ['pages/index/index'], subPackages: [{ root: 'packages/member/' }] });
  write('app.json', appJson);
  write('app.js', 1000);
  write('pages/index/index.js', 500);
  write('packages/member/pages/profile/index.js', 300);
  write('packages/member-extra/index.js', 70);
  write('project.config.json', 9999);

  const report = measureWeapp(dist);

  expect(report.main).toMatchObject({ files: 4, bytes: appJson.length + 1000 + 500 + 70 });
  expect(report.subpackages).toEqual([{ name: 'packages/member', files: 1, bytes: 300, limitBytes: SUBPACKAGE_LIMIT_BYTES }]);
  expect(report.overLimit).toEqual([]);
  expect(report.hasSourceMaps).toBe(false);
  expect(formatReport(report)).toMatch(/packages\/member\s+1\s+0\.3\s+2048\.0/);
});

test('a main package of 1 MB is over the limit', () => {
  write('app.json', JSON.stringify({ pages: ['pages/index/index'] }));
  write('vendors.js', MAIN_PACKAGE_LIMIT_BYTES);
  write('vendors.js.map', 10);

  const report = measureWeapp(dist);

  expect(report.overLimit.map((pkg) => pkg.name)).toEqual(['main']);
  expect(report.hasSourceMaps).toBe(true);
});
