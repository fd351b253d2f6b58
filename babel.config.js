// babel-preset-taro compiles the client for the weapp and H5 targets.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
