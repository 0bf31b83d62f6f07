import { DomainError } from './domain-error';

/**
 * The one definition of WARD_NOT_FOUND: 404 wherever the code comes from (path, query or body field), for the
 * registry, procedures and account administration alike.
 */
export const wardNotFound = (wardCode: string): DomainError =>
  new DomainError(
    'WARD_NOT_FOUND',
    'not_found',
    `Không có xã, phường với mã "${wardCode}".`,
    `There is no commune or ward with code "${wardCode}".`,
    { field: 'wardCode', wardCode },
  );
