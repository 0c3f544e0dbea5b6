import { printSubgraphSchema } from '@apollo/subgraph';
import { buildSubgraphSchema } from '../../subgraphs/kit/platform/subgraph';
import { culturePartner } from '../route/culture-partner';

/** The SDL of the test partner (tests/route/culture-partner.ts), as its `_service { sdl }` answers it. */
export async function culturePartnerSdl(): Promise<string> {
  return printSubgraphSchema(await buildSubgraphSchema(culturePartner('00000000-0000-4000-8000-000000000000'))) + '\n';
}
