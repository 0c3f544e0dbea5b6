export async function loadDemoCasePeople(_em: unknown): Promise<void> {}
