/** Stylesheets carry no behaviour in component tests. */
const styles: Record<string, string> = {};
export default styles;
