import { UniqueConstraintViolationException, type EntityManager, type RequiredEntityData, type EntityName } from '@mikro-orm/core';

/** Inserts a row unless one with the same unique key is there already (a repeat, or a race lost): whether this call inserted it. */
export async function insertOnce<T extends object>(em: EntityManager, entity: EntityName<T>, data: RequiredEntityData<T>): Promise<boolean> {
  try {
    await em.insert(entity, data);
    return true;
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) return false;
    throw error;
  }
}
