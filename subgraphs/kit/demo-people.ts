/**
 * The demo families' people, shared by every agency's demo data so that one federated query
 * shows one coherent family. Synthetic people: names are common ones, SNILS numbers are
 * generated with a valid checksum and belong to no one.
 */
export const DEMO_PEOPLE = {
  elenaIvanova: { id: '6f1c2a10-0000-4000-8000-000000000001', snils: '11223344595' },
  artyomIvanov: { id: '6f1c2a10-0000-4000-8000-000000000002', snils: '12345678964' },
  sergeyPetrov: { id: '6f1c2a10-0000-4000-8000-000000000003', snils: '98765432183' },
  olgaPetrova: { id: '6f1c2a10-0000-4000-8000-000000000004', snils: '20030040048' },
  mashaPetrova: { id: '6f1c2a10-0000-4000-8000-000000000005', snils: '30140250384' },
  ninaSmirnova: { id: '6f1c2a10-0000-4000-8000-000000000006', snils: '40250360413' },
} as const;

export const DEMO_FAMILIES = {
  ivanov: '7a2d3b20-0000-4000-8000-000000000001',
  petrov: '7a2d3b20-0000-4000-8000-000000000002',
  smirnova: '7a2d3b20-0000-4000-8000-000000000003',
} as const;
