import { decodeGlobalId, globalId, nodeTypeOfName, parseGlobalId } from '../../subgraphs/kit/platform/global-id';

const UUID = '0b9f5a4e-3c1d-4e8a-9f2b-7d6c5b4a3e21';
const NODES = new Set(['Person', 'Family', 'Organization', 'SupportCase']);

describe('global ids (schema/CONVENTIONS.md §7.4)', () => {
  test('a record id leaves the API as <Type>:<uuid>', () => {
    expect(globalId('Person', UUID)).toBe(`Person:${UUID}`);
  });

  test('an id that is already global is not wrapped twice', () => {
    expect(globalId('Person', `Person:${UUID}`)).toBe(`Person:${UUID}`);
  });

  test('a global id is read back into its type and uuid', () => {
    expect(parseGlobalId(`SupportCase:${UUID}`)).toEqual({ type: 'SupportCase', id: UUID });
  });

  test('a bare uuid, a lower-case type or a non-uuid tail is not a global id', () => {
    expect(parseGlobalId(UUID)).toBeNull();
    expect(parseGlobalId(`person:${UUID}`)).toBeNull();
    expect(parseGlobalId('Person:42')).toBeNull();
  });

  test('an argument that is no hub id is refused with BAD_USER_INPUT naming the argument', () => {
    expect(() => decodeGlobalId(UUID, 'personId')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'personId' }) }),
    );
  });

  test('an id of another type than the argument names is refused, not looked up', () => {
    expect(() => decodeGlobalId(`Family:${UUID}`, 'personId', 'Person')).toThrow(/is an id of a Family, not of a Person/);
    expect(decodeGlobalId(`Person:${UUID}`, 'personId', 'Person')).toBe(UUID);
  });

  test('an id field names its type by its longest ending that is a node type', () => {
    expect(nodeTypeOfName('personId', NODES)).toBe('Person');
    expect(nodeTypeOfName('executorOrganizationId', NODES)).toBe('Organization');
    expect(nodeTypeOfName('supportCaseId', NODES)).toBe('SupportCase');
    expect(nodeTypeOfName('memberPersonIds', NODES)).toBe('Person');
  });

  test('`id` names its owner type, and names that name no node type are left alone', () => {
    expect(nodeTypeOfName('id', NODES, 'Family')).toBe('Family');
    expect(nodeTypeOfName('id', NODES, 'FamilyRoute')).toBeNull();
    expect(nodeTypeOfName('stepId', NODES)).toBeNull();
    expect(nodeTypeOfName('caseId', NODES)).toBeNull();
  });
});
