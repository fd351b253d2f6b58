/** An environment variable the deploy sets on functions, with its value taken from the deployer's environment. */
export interface FunctionVariable {
  name: string;
  /** The functions that read it. */
  functions: readonly string[];
  /** A deploy without it is refused; an optional one is set only when given (and removed when not). */
  required: boolean;
  /** What it is, for the list of missing configuration. */
  about: string;
  /** The fewest characters a value may have (the functions refuse a shorter secret). */
  minLength?: number;
}

/**
 * The secrets and settings of each function, which never live in the repository: the deploy
 * reads each from the variable of the same name in its own environment and sets it on the
 * functions listed (`envVariables` in a function's config.json are set as well, for plain values).
 */
export const FUNCTION_VARIABLES: readonly FunctionVariable[] = [
  {
    name: 'ADMIN_TOKEN_SECRET',
    functions: ['admin', 'marketing'],
    required: true,
    about: 'signs admin sessions (32+ random characters)',
    minLength: 32,
  },
  {
    name: 'ADMIN_INITIAL_PASSWORD',
    functions: ['admin'],
    required: false,
    about: 'first deployment only: the password bootstrapAdmin gives the admin account',
    minLength: 8,
  },
  {
    name: 'LM_MEMBER_CODE_SECRET',
    functions: ['member', 'staff'],
    required: true,
    about: 'signs and checks the rotating member codes (32+ random characters)',
    minLength: 32,
  },
  {
    name: 'LM_PHONE_HASH_SECRET',
    functions: ['member', 'admin', 'migrate'],
    required: true,
    about: 'keys the phone lookup hash (32+ random characters, never changed once set)',
    minLength: 32,
  },
  {
    name: 'LM_SUB_MCH_ID',
    functions: ['orders', 'pay-callback', 'job-cancel-unpaid', 'job-retry-refunds', 'admin'],
    required: true,
    about: 'the brand’s WeChat Pay sub-merchant id',
  },
];
