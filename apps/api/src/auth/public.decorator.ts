import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'kientoan:isPublic';
/** Marks a route that needs no sign-in (health, login). Everything else is denied without a valid token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
