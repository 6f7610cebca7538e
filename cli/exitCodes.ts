// The exit codes' public path; they live in toolErrors/ so that each error of ours carries its own.
export { EXIT } from '../toolErrors';
