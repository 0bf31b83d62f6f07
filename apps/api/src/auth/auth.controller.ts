import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, UseInterceptors } from '@nestjs/common';
import { ActorWritesInterceptor } from './actor-writes.interceptor';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@kientoan/domain';
import type { z } from 'zod';
import { openApiResponseSchema, openApiSchema } from '../common/validation/openapi-schema';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import {
  type ChangePasswordBody,
  actorSchema,
  changePasswordSchema,
  loginSchema,
  refreshSchema,
  sessionSchema,
} from './auth.schemas';
import { ChangePasswordUseCase } from './change-password.use-case';
import { Client, type ClientInfo, CurrentActor } from './current-actor.decorator';
import { LoginUseCase } from './login.use-case';
import { Public } from './public.decorator';
import { RefreshSessionUseCase } from './refresh-session.use-case';

const SESSION = { status: 200, description: 'A session', schema: openApiResponseSchema(sessionSchema) };
const THROTTLED = {
  status: 429,
  description: 'LOGIN_THROTTLED: too many failures from this address or on this name (Retry-After header)',
};

@ApiTags('auth')
@UseInterceptors(ActorWritesInterceptor)
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(LoginUseCase) private readonly loginUseCase: LoginUseCase,
    @Inject(RefreshSessionUseCase) private readonly refreshUseCase: RefreshSessionUseCase,
    @Inject(ChangePasswordUseCase) private readonly changePasswordUseCase: ChangePasswordUseCase,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Đăng nhập / Sign in: a short-lived bearer token and a refresh token' })
  @ApiBody({
    schema: openApiSchema(loginSchema),
    examples: { secretary: { value: { username: 'bithu.ochodua', password: 'kientoan-demo' } } },
  })
  @ApiResponse(SESSION)
  @ApiResponse({ status: 401, description: 'BAD_CREDENTIALS (the same answer for every failure)' })
  @ApiResponse({ status: 403, description: 'PASSWORD_CHANGE_REQUIRED: a temporary password' })
  @ApiResponse(THROTTLED)
  login(
    @Client() client: ClientInfo,
    @Body(new ZodValidationPipe(loginSchema)) body: z.output<typeof loginSchema>,
  ) {
    return this.loginUseCase.execute({ ...body, clientAddress: client.clientAddress });
  }

  @Public()
  @Post('password')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Đổi mật khẩu (cả mật khẩu tạm thời) / Change the password (a temporary one too); other sessions end',
  })
  @ApiBody({ schema: openApiSchema(changePasswordSchema) })
  @ApiResponse(SESSION)
  @ApiResponse({ status: 401, description: 'BAD_CREDENTIALS' })
  @ApiResponse(THROTTLED)
  changePassword(
    @Client() client: ClientInfo,
    @Body(new ZodValidationPipe(changePasswordSchema)) body: ChangePasswordBody,
  ) {
    return this.changePasswordUseCase.execute({ ...body, ...client });
  }

  @Public()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Gia hạn phiên / New session from a refresh token (rotated; reuse revokes the whole family)',
  })
  @ApiBody({ schema: openApiSchema(refreshSchema) })
  @ApiResponse(SESSION)
  @ApiResponse({ status: 401, description: 'BAD_REFRESH_TOKEN' })
  refresh(@Body(new ZodValidationPipe(refreshSchema)) body: z.output<typeof refreshSchema>) {
    return this.refreshUseCase.execute(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Đăng xuất / Revoke the refresh token' })
  @ApiBody({ schema: openApiSchema(refreshSchema) })
  @ApiResponse({ status: 204, description: 'Revoked' })
  async logout(
    @Body(new ZodValidationPipe(refreshSchema)) body: z.output<typeof refreshSchema>,
  ): Promise<void> {
    await this.refreshUseCase.revoke(body.refreshToken);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Tài khoản đang đăng nhập và vai trò / The signed-in account and its roles' })
  @ApiResponse({ status: 200, description: 'The account', schema: openApiResponseSchema(actorSchema) })
  me(@CurrentActor() actor: Actor) {
    return actor;
  }
}
