/**
 * AsyncAPI round trip: the canvas as an AsyncAPI 3.0 document with Kafka bindings, and AsyncAPI
 * 2.x/3.x documents (e.g. the Confluent CLI's 2.4.0 export) as a canvas. Imports only
 * src/scenario; the parser (@asyncapi/parser) is handed in by the caller, so the browser can load
 * its own build of it lazily and tests can use the Node build.
 */
export { scenarioToAsyncApi, scenarioToAsyncApiYaml, ASYNCAPI_VERSION, KAFKA_BINDING_VERSION } from './toDocument';
export { documentToScenario, type Imported } from './fromDocument';
export { ASYNCAPI_READ_REASONS, readAsyncApi, type AsyncApiParser, type AsyncApiReadReason, type ReadOutcome, type DocumentProblem } from './read';
export { NOTE_CODES, type ImportNote, type NoteCode, type NoteKind } from './notes';
