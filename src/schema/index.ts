export * from './model';
export { loadSchemaJudge, loadedSchemaJudge } from './lazyJudge';
