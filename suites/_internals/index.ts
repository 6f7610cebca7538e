// Helpers the suites share to build what they judge; never needed outside suites/.
export { acceptedCreate, createThenConflict, judgedAs } from './judgedAs';
