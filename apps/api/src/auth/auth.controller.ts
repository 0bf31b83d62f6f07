import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@kientoan/domain';
import type { z } from 'zod';
import { openApiSchema } from '../common/validation/openapi-schema';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { loginSchema, refreshSchema } from './auth.schemas';
import { CurrentActor } from './current-actor.decorator';
import { LoginUseCase } from './login.use-case';
import { Public } from './public.decorator';
import { RefreshSessionUseCase } from './refresh-session.use-case';
import { ApiResult } from '../common/openapi/api-responses';
import { actorSchema, sessionSchema } from './auth.responses';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(LoginUseCase) private readonly loginUseCase: LoginUseCase,
    @Inject(RefreshSessionUseCase) private readonly refreshUseCase: RefreshSessionUseCase,
  ) {}

  @Public()
  @Post('login')
  @ApiResult(sessionSchema)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Đăng nhập / Sign in: a short-lived bearer token and a refresh token' })
  @ApiBody({
    schema: openApiSchema(loginSchema),
    examples: { secretary: { value: { username: 'bithu.ochodua', password: 'kientoan-demo' } } },
  })
  login(@Body(new ZodValidationPipe(loginSchema)) body: z.output<typeof loginSchema>) {
    return this.loginUseCase.execute(body);
  }

  @Public()
  @Post('refresh')
  @ApiResult(sessionSchema)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Gia hạn phiên / New session from a refresh token (rotated)' })
  @ApiBody({ schema: openApiSchema(refreshSchema) })
  refresh(@Body(new ZodValidationPipe(refreshSchema)) body: z.output<typeof refreshSchema>) {
    return this.refreshUseCase.execute(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Đăng xuất / Revoke the refresh token' })
  @ApiBody({ schema: openApiSchema(refreshSchema) })
  async logout(
    @Body(new ZodValidationPipe(refreshSchema)) body: z.output<typeof refreshSchema>,
  ): Promise<void> {
    await this.refreshUseCase.revoke(body.refreshToken);
  }

  @Get('me')
  @ApiResult(actorSchema)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Tài khoản đang đăng nhập và vai trò / The signed-in account and its roles' })
  me(@CurrentActor() actor: Actor) {
    return actor;
  }
}
