import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ActorChangesListener } from './actor-changes.listener';
import { ActorWritesInterceptor } from './actor-writes.interceptor';
import { ActorLoader } from './actor.loader';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { ChangePasswordUseCase } from './change-password.use-case';
import { LoginThrottle } from './login-throttle';
import { LoginUseCase } from './login.use-case';
import { RefreshSessionUseCase } from './refresh-session.use-case';
import { SessionIssuer } from './session-issuer';
import { TokenService } from './token.service';

@Global()
@Module({
  controllers: [AuthController],
  providers: [
    TokenService,
    SessionIssuer,
    ActorLoader,
    ActorChangesListener,
    ActorWritesInterceptor,
    LoginThrottle,
    LoginUseCase,
    RefreshSessionUseCase,
    ChangePasswordUseCase,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, ActorLoader, ActorWritesInterceptor],
})
export class AuthModule {}
