// Client code branches on the build platform; component tests run the H5 branch.
process.env.TARO_ENV = 'h5';
