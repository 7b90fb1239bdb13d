package io.docent.teams;

import io.docent.core.DocentException;
import java.util.Locale;
import java.util.Set;

/**
 * How Docent is registered with Azure Bot Service, and how much it may do at once. Built by the app from the
 * platform's usual settings ({@code MicrosoftAppId}, {@code MicrosoftAppPassword}, {@code MicrosoftAppType},
 * {@code MicrosoftAppTenantId}) and Docent's own ({@code DOCENT_TEAMS_*}). Error messages name the setting, never a
 * value; {@link #toString()} hides the password.
 *
 * @param appId the bot's Entra application id; empty only with {@code insecureLocal}
 * @param appPassword the application's client secret; required with an {@code appId}
 * @param appType single-tenant (Azure Bot Service's default) or multi-tenant (deprecated by Azure)
 * @param tenantId the bot's home tenant; required for {@link AppType#SINGLE_TENANT}
 * @param allowedTenants tenants whose conversations are served; empty means every tenant, except for a
 *     single-tenant bot, which then serves its home tenant only (see {@link #effectiveAllowedTenants()})
 * @param insecureLocal whether an empty {@code appId} (authentication off: the Bot Framework Emulator or the
 *     Agents Playground) is allowed; the server then listens on localhost only
 * @param trustedCallers besides the bot's own app id, the app ids that may call Docent with a token issued by the
 *     bot's tenant ({@code DOCENT_TEAMS_TRUSTED_CALLERS}; the token's {@code azp}, or {@code appid} for a v1 token);
 *     empty by default
 */
public record TeamsSettings(
        String appId,
        String appPassword,
        AppType appType,
        String tenantId,
        Set<String> allowedTenants,
        boolean insecureLocal,
        Set<String> trustedCallers) {

    /** {@code MicrosoftAppType}: which tenant issues the bot's tokens. */
    public enum AppType {
        SINGLE_TENANT,
        MULTI_TENANT;

        /** Parses Azure's spelling ({@code SingleTenant}, {@code MultiTenant}), case-insensitively. */
        public static AppType parse(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "singletenant", "single_tenant" -> SINGLE_TENANT;
                case "multitenant", "multi_tenant" -> MULTI_TENANT;
                case "userassignedmsi" ->
                    throw new DocentException.InvalidInput(
                            "MicrosoftAppType UserAssignedMSI is not supported by botbuilder-java 4.14: use"
                                    + " SingleTenant with a client secret");
                default ->
                    throw new DocentException.InvalidInput("MicrosoftAppType must be SingleTenant or MultiTenant");
            };
        }
    }

    public TeamsSettings {
        appId = appId == null ? "" : appId.strip();
        appPassword = appPassword == null ? "" : appPassword;
        tenantId = tenantId == null ? "" : tenantId.strip();
        appType = appType == null ? (tenantId.isEmpty() ? AppType.MULTI_TENANT : AppType.SINGLE_TENANT) : appType;
        allowedTenants = allowedTenants == null ? Set.of() : Set.copyOf(allowedTenants);
        trustedCallers = trustedCallers == null ? Set.of() : Set.copyOf(trustedCallers);
        if (appId.isEmpty() && !insecureLocal) {
            throw new DocentException.InvalidInput("MicrosoftAppId is empty, which would turn off authentication of"
                    + " Teams requests: set MicrosoftAppId and MicrosoftAppPassword, or, for the Bot Framework"
                    + " Emulator on this machine only, DOCENT_TEAMS_INSECURE_LOCAL=true");
        }
        if (!appId.isEmpty() && appPassword.isBlank()) {
            throw new DocentException.InvalidInput("MicrosoftAppPassword is required when MicrosoftAppId is set");
        }
        if (!appId.isEmpty() && appType == AppType.SINGLE_TENANT && tenantId.isEmpty()) {
            throw new DocentException.InvalidInput(
                    "MicrosoftAppTenantId is required when MicrosoftAppType is" + " SingleTenant");
        }
    }

    /** Settings without trusted callers besides the bot itself. */
    public TeamsSettings(
            String appId,
            String appPassword,
            AppType appType,
            String tenantId,
            Set<String> allowedTenants,
            boolean insecureLocal) {
        this(appId, appPassword, appType, tenantId, allowedTenants, insecureLocal, Set.of());
    }

    /** Settings for a registered single-tenant bot, everything else by default. */
    public static TeamsSettings singleTenant(String appId, String appPassword, String tenantId) {
        return new TeamsSettings(appId, appPassword, AppType.SINGLE_TENANT, tenantId, Set.of(), false);
    }

    /** Settings for a registered multi-tenant bot, everything else by default. */
    public static TeamsSettings multiTenant(String appId, String appPassword) {
        return new TeamsSettings(appId, appPassword, AppType.MULTI_TENANT, "", Set.of(), false);
    }

    /** Settings with authentication off, for the Emulator on localhost. */
    public static TeamsSettings insecureLocalOnly() {
        return new TeamsSettings("", "", AppType.MULTI_TENANT, "", Set.of(), true);
    }

    /** Whether requests are authenticated (an app id is configured). */
    public boolean authenticationEnabled() {
        return !appId.isEmpty();
    }

    /**
     * The tenants served: the allow-list when one is configured; else a single-tenant bot's home tenant; else
     * every tenant (the empty set).
     */
    public Set<String> effectiveAllowedTenants() {
        if (!allowedTenants.isEmpty()) {
            return allowedTenants;
        }
        return authenticationEnabled() && appType == AppType.SINGLE_TENANT ? Set.of(tenantId) : Set.of();
    }

    /** A copy with a tenant allow-list. */
    public TeamsSettings withAllowedTenants(Set<String> tenants) {
        return new TeamsSettings(appId, appPassword, appType, tenantId, tenants, insecureLocal, trustedCallers);
    }

    /** A copy with these app ids trusted to call with a token of the bot's tenant. */
    public TeamsSettings withTrustedCallers(Set<String> callers) {
        return new TeamsSettings(appId, appPassword, appType, tenantId, allowedTenants, insecureLocal, callers);
    }

    /** The app ids a token of the bot's tenant may come from: the bot's own and the trusted callers. */
    public Set<String> tenantTokenCallers() {
        Set<String> callers = new java.util.TreeSet<>(trustedCallers);
        if (!appId.isEmpty()) {
            callers.add(appId);
        }
        return Set.copyOf(callers);
    }

    @Override
    public String toString() {
        return "TeamsSettings[appId=" + appId + ", appPassword=" + (appPassword.isEmpty() ? "" : "****")
                + ", appType=" + appType + ", tenantId=" + tenantId + ", allowedTenants=" + allowedTenants
                + ", insecureLocal=" + insecureLocal + ", trustedCallers="
                + trustedCallers + "]";
    }
}
