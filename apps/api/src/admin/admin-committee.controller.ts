import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { ActorWritesInterceptor } from '../auth/actor-writes.interceptor';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  type CommitteeMemberInput,
  type CommitteeQuery,
  type UpdateCommitteeMember,
  committeeMemberSchema,
  committeeQuerySchema,
  memberIdSchema,
  updateCommitteeMemberSchema,
  wardCodeSchema,
} from '@kientoan/platform';
import { Ctx, type RequestContext } from '../auth/current-actor.decorator';
import { openApiResponseSchema, openApiSchema } from '../common/validation/openapi-schema';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import {
  type CsvImportBody,
  csvImportSchema,
  memberImportSchema,
  memberPageSchema,
  memberViewSchema,
} from './admin.schemas';
import {
  AddCommitteeMemberUseCase,
  ImportCommitteeUseCase,
  ListCommitteeUseCase,
  UpdateCommitteeMemberUseCase,
} from './committee-admin.use-cases';

const wardCode = new ZodValidationPipe(wardCodeSchema);
const MEMBER = { description: 'The member', schema: openApiResponseSchema(memberViewSchema) };

@ApiTags('admin')
@ApiBearerAuth()
@ApiResponse({ status: 403, description: 'Admins only' })
@UseInterceptors(ActorWritesInterceptor)
@Controller('admin')
export class AdminCommitteeController {
  constructor(
    @Inject(ListCommitteeUseCase) private readonly listUseCase: ListCommitteeUseCase,
    @Inject(AddCommitteeMemberUseCase) private readonly addUseCase: AddCommitteeMemberUseCase,
    @Inject(UpdateCommitteeMemberUseCase) private readonly updateUseCase: UpdateCommitteeMemberUseCase,
    @Inject(ImportCommitteeUseCase) private readonly importUseCase: ImportCommitteeUseCase,
  ) {}

  @Get('wards/:wardCode/committee')
  @ApiOperation({
    summary: 'Ban Thường vụ của xã, phường / The standing committee of a ward (the voters of its votes)',
  })
  @ApiQuery({ name: 'servingOn', required: false, description: 'Only terms covering this day (YYYY-MM-DD)' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'after', required: false, description: '`next` of the previous page' })
  @ApiResponse({ status: 200, description: 'A page', schema: openApiResponseSchema(memberPageSchema) })
  @ApiResponse({ status: 404, description: 'WARD_NOT_FOUND' })
  list(
    @Ctx() ctx: RequestContext,
    @Param('wardCode', wardCode) ward: string,
    @Query(new ZodValidationPipe(committeeQuerySchema)) query: CommitteeQuery,
  ) {
    return this.listUseCase.execute(ctx, ward, query);
  }

  @Post('wards/:wardCode/committee')
  @ApiOperation({ summary: 'Thêm ủy viên (chức vụ, nhiệm kỳ) / Add a member with a position and a term' })
  @ApiBody({ schema: openApiSchema(committeeMemberSchema) })
  @ApiResponse({ status: 201, ...MEMBER })
  @ApiResponse({ status: 409, description: 'MEMBER_ID_TAKEN, MEMBER_ALREADY_LINKED' })
  add(
    @Ctx() ctx: RequestContext,
    @Param('wardCode', wardCode) ward: string,
    @Body(new ZodValidationPipe(committeeMemberSchema)) body: CommitteeMemberInput,
  ) {
    return this.addUseCase.execute(ctx, ward, body);
  }

  @Patch('wards/:wardCode/committee/:memberId')
  @ApiOperation({
    summary:
      'Sửa ủy viên, kết thúc nhiệm kỳ / Change a member, or end the term (its approver delegations end)',
  })
  @ApiBody({ schema: openApiSchema(updateCommitteeMemberSchema) })
  @ApiResponse({ status: 200, ...MEMBER })
  @ApiResponse({ status: 404, description: 'MEMBER_NOT_FOUND' })
  update(
    @Ctx() ctx: RequestContext,
    @Param('wardCode', wardCode) ward: string,
    @Param('memberId', new ZodValidationPipe(memberIdSchema)) memberId: string,
    @Body(new ZodValidationPipe(updateCommitteeMemberSchema)) body: UpdateCommitteeMember,
  ) {
    return this.updateUseCase.execute(ctx, { ...body, wardCode: ward, memberId });
  }

  @Post('committee/import')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Nhập ủy viên Ban Thường vụ từ CSV / Import committee members from CSV: all or nothing, every bad row named',
    description:
      'Columns: ma_xa/ward_code, ho_ten/full_name, chuc_vu/position, tu_ngay/served_from, den_ngay/served_to, ma/id, ten_dang_nhap/username',
  })
  @ApiBody({ schema: openApiSchema(csvImportSchema) })
  @ApiResponse({ status: 200, description: 'Created', schema: openApiResponseSchema(memberImportSchema) })
  @ApiResponse({
    status: 400,
    description: 'IMPORT_REJECTED: nothing stored, `errors` and `details.problems` name every bad row',
  })
  importCsv(@Ctx() ctx: RequestContext, @Body(new ZodValidationPipe(csvImportSchema)) body: CsvImportBody) {
    return this.importUseCase.execute(ctx, body);
  }
}
