import { configure } from '@testing-library/react';

// Ant Design's drawers and tables render slowly in jsdom on a loaded machine (the whole suite
// beside builds and browsers): waits for what a test expects get 5 s, and each test 30 s.
configure({ asyncUtilTimeout: 5_000 });
jest.setTimeout(30_000);
