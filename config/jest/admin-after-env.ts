import { configure } from '@testing-library/react';

// Ant Design's drawers, tabs and tables render slowly in jsdom on a loaded machine (the whole
// suite beside builds and browsers): waits for what a test expects get 15 s, and each test 60 s.
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);
