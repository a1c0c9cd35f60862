package dev.holdfast.accounts.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.accounts.domain.Membership;
import dev.holdfast.accounts.domain.MembershipStore;
import dev.holdfast.accounts.domain.InstallationSettings;
import dev.holdfast.accounts.security.SignedIn;
import dev.holdfast.platform.Actor;
import dev.holdfast.platform.TenantTransactions;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the signed-in person, their companies and the sign-up switch into every page's model (navbar). */
@Configuration(proxyBeanMethods = false)
class LayoutModel implements WebMvcConfigurer {

    private final MembershipStore memberships;
    private final TenantTransactions transactions;
    private final InstallationSettings settings;

    LayoutModel(MembershipStore memberships, TenantTransactions transactions, InstallationSettings settings) {
        this.memberships = memberships;
        this.transactions = transactions;
        this.settings = settings;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                    @Nullable ModelAndView mav) {
                if (mav == null || mav.getViewName() == null || mav.getViewName().startsWith("redirect:")) {
                    return;
                }
                SignedIn me = SignedIn.current().orElse(null);
                mav.addObject("me", me);
                if (me != null) {
                    List<Membership> mine = transactions.asActor(Actor.user(me.userId(), me.email()),
                            () -> memberships.ofUser(me.userId()));
                    mav.addObject("myCompanies", mine.stream().filter(Membership::active).toList());
                } else {
                    mav.addObject("signupOpen", settings.signupOpen());
                }
            }
        }).excludePathPatterns("/api/**", "/webjars/**", "/css/**", "/js/**");
    }
}
