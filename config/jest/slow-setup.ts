// Suites that start a local cloud, build bundles or drive a browser need more than Jest's 5 s.
jest.setTimeout(90_000);
