import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { ActorWritesInterceptor } from '../auth/actor-writes.interceptor';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  ACCOUNT_SORTS,
  type AccountListQuery,
  type CreateAccount,
  type TemporaryPassword,
  type WardRoleGrant,
  WARD_ROLES,
  accountListQuerySchema,
  createAccountSchema,
  temporaryPasswordSchema,
  usernameSchema,
  wardCodeSchema,
  wardRoleSchema,
} from '@kientoan/platform';
import { z } from 'zod';
import { Ctx, type RequestContext } from '../auth/current-actor.decorator';
import { openApiResponseSchema, openApiSchema } from '../common/validation/openapi-schema';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import {
  CreateAccountUseCase,
  GetAccountUseCase,
  GrantWardRoleUseCase,
  ImportAccountsUseCase,
  ListAccountsUseCase,
  RevokeWardRoleUseCase,
  SetAccountDisabledUseCase,
  SetTemporaryPasswordUseCase,
} from './account-admin.use-cases';
import {
  type CsvImportBody,
  accountImportSchema,
  accountPageSchema,
  accountViewSchema,
  accountWithPasswordSchema,
  csvImportSchema,
} from './admin.schemas';

const username = new ZodValidationPipe(usernameSchema);
const ACCOUNT = { status: 200, description: 'The account', schema: openApiResponseSchema(accountViewSchema) };
const WITH_PASSWORD = {
  description: 'The account and its temporary password (shown once)',
  schema: openApiResponseSchema(accountWithPasswordSchema),
};

@ApiTags('admin')
@ApiBearerAuth()
@ApiResponse({ status: 403, description: 'Admins only' })
@UseInterceptors(ActorWritesInterceptor)
@Controller('admin/accounts')
export class AdminAccountsController {
  constructor(
    @Inject(ListAccountsUseCase) private readonly listUseCase: ListAccountsUseCase,
    @Inject(GetAccountUseCase) private readonly getUseCase: GetAccountUseCase,
    @Inject(CreateAccountUseCase) private readonly createUseCase: CreateAccountUseCase,
    @Inject(SetAccountDisabledUseCase) private readonly disabledUseCase: SetAccountDisabledUseCase,
    @Inject(SetTemporaryPasswordUseCase) private readonly passwordUseCase: SetTemporaryPasswordUseCase,
    @Inject(GrantWardRoleUseCase) private readonly grantUseCase: GrantWardRoleUseCase,
    @Inject(RevokeWardRoleUseCase) private readonly revokeUseCase: RevokeWardRoleUseCase,
    @Inject(ImportAccountsUseCase) private readonly importUseCase: ImportAccountsUseCase,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Danh sách tài khoản (tìm, lọc, sắp xếp) / Accounts: search, filter by ward or status, sort, a page at a time',
  })
  @ApiQuery({ name: 'q', required: false, description: 'Part of the username or display name' })
  @ApiQuery({ name: 'wardCode', required: false, description: 'Only accounts holding a role in this ward' })
  @ApiQuery({ name: 'status', required: false, enum: ['enabled', 'disabled'] })
  @ApiQuery({ name: 'sort', required: false, enum: ACCOUNT_SORTS })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'after', required: false, description: '`next` of the previous page' })
  @ApiResponse({ status: 200, description: 'A page', schema: openApiResponseSchema(accountPageSchema) })
  list(
    @Ctx() ctx: RequestContext,
    @Query(new ZodValidationPipe(accountListQuerySchema)) query: AccountListQuery,
  ) {
    return this.listUseCase.execute(ctx, query);
  }

  @Post()
  @ApiOperation({
    summary: 'Tạo tài khoản (mật khẩu tạm thời) / Create an account with a temporary password',
  })
  @ApiBody({ schema: openApiSchema(createAccountSchema) })
  @ApiResponse({ status: 201, ...WITH_PASSWORD })
  @ApiResponse({ status: 409, description: 'USERNAME_TAKEN, MEMBER_ALREADY_LINKED' })
  create(@Ctx() ctx: RequestContext, @Body(new ZodValidationPipe(createAccountSchema)) body: CreateAccount) {
    return this.createUseCase.execute(ctx, body);
  }

  @Post('import')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Nhập tài khoản từ CSV (tất cả hoặc không) / Import accounts from CSV: all or nothing, every bad row named',
    description:
      'Columns: ten_dang_nhap/username, ho_ten/display_name, vai_tro/roles ("secretary@<ward>; reviewer@<ward>; supervisor; admin"), ma_uy_vien/member_id',
  })
  @ApiBody({ schema: openApiSchema(csvImportSchema) })
  @ApiResponse({ status: 200, description: 'Created', schema: openApiResponseSchema(accountImportSchema) })
  @ApiResponse({
    status: 400,
    description: 'IMPORT_REJECTED: nothing stored, `errors` and `details.problems` name every bad row',
  })
  importCsv(@Ctx() ctx: RequestContext, @Body(new ZodValidationPipe(csvImportSchema)) body: CsvImportBody) {
    return this.importUseCase.execute(ctx, body);
  }

  @Get(':username')
  @ApiOperation({ summary: 'Một tài khoản / One account' })
  @ApiResponse(ACCOUNT)
  @ApiResponse({ status: 404, description: 'ACCOUNT_NOT_FOUND' })
  get(@Ctx() ctx: RequestContext, @Param('username', username) name: string) {
    return this.getUseCase.execute(ctx, name);
  }

  @Post(':username/disable')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Khóa tài khoản / Disable: its sessions and the delegations it gave end at once',
  })
  @ApiResponse(ACCOUNT)
  disable(@Ctx() ctx: RequestContext, @Param('username', username) name: string) {
    return this.disabledUseCase.execute(ctx, { username: name, disabled: true });
  }

  @Post(':username/enable')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mở lại tài khoản / Re-enable' })
  @ApiResponse(ACCOUNT)
  enable(@Ctx() ctx: RequestContext, @Param('username', username) name: string) {
    return this.disabledUseCase.execute(ctx, { username: name, disabled: false });
  }

  @Post(':username/temporary-password')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Đặt mật khẩu tạm thời / Set a temporary password (changed at first sign-in); its sessions end',
  })
  @ApiBody({ schema: openApiSchema(temporaryPasswordSchema) })
  @ApiResponse({ status: 200, ...WITH_PASSWORD })
  temporaryPassword(
    @Ctx() ctx: RequestContext,
    @Param('username', username) name: string,
    @Body(new ZodValidationPipe(temporaryPasswordSchema)) body: TemporaryPassword,
  ) {
    return this.passwordUseCase.execute(ctx, { ...body, username: name });
  }

  @Post(':username/roles')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Giao vai trò tại xã, phường / Grant a ward role' })
  @ApiBody({ schema: openApiSchema(wardRoleSchema) })
  @ApiResponse(ACCOUNT)
  grant(
    @Ctx() ctx: RequestContext,
    @Param('username', username) name: string,
    @Body(new ZodValidationPipe(wardRoleSchema)) body: WardRoleGrant,
  ) {
    return this.grantUseCase.execute(ctx, { ...body, username: name });
  }

  @Delete(':username/roles/:wardCode/:role')
  @ApiOperation({
    summary: 'Thu hồi vai trò / Revoke a ward role: the delegations of it the account gave end too',
  })
  @ApiParam({ name: 'role', enum: WARD_ROLES })
  @ApiResponse(ACCOUNT)
  revoke(
    @Ctx() ctx: RequestContext,
    @Param('username', username) name: string,
    @Param('wardCode', new ZodValidationPipe(wardCodeSchema)) wardCode: string,
    @Param('role', new ZodValidationPipe(z.enum(WARD_ROLES))) role: WardRoleGrant['role'],
  ) {
    return this.revokeUseCase.execute(ctx, { username: name, wardCode, role });
  }
}
