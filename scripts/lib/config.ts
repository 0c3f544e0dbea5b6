import path from 'node:path';
import { upperSnake } from '../../subgraphs/conventions/tags';

/** Where `npm start` keeps its state: the embedded database and the dev keys (git-ignored). */
export const HUB_HOME = path.resolve(process.env.HUB_HOME ?? path.join(__dirname, '..', '..', '.hub'));

export const envName = (subgraph: string) => `${upperSnake(subgraph)}_DATABASE_URL`;

/** Database name of each agency on the embedded server: one database per agency, as in real life. */
export const databaseName = (subgraph: string) => `hub_${subgraph.replace(/-/g, '_')}`;
