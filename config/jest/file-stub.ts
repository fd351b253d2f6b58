/** Imported pictures are a URL string in the builds; in component tests, this one. */
const file = '/test-file-stub.png';
export default file;
