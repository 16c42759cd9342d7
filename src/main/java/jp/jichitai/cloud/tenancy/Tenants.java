package jp.jichitai.cloud.tenancy;

import java.util.List;
import java.util.Optional;

import jp.jichitai.cloud.shared.TenantCode;

/** The provider's register of tenants and each tenant's own settings. */
public interface Tenants {

    /** Every tenant in the register (public facts only: code, name). */
    List<Tenant> all();

    Optional<Tenant> find(TenantCode code);

    /** The profile of the tenant bound to the current thread. */
    TenantProfile currentProfile();

    /** The districts of the tenant bound to the current thread, by code. */
    List<District> currentDistricts();

    /** Changes the mayor's title and name of the current tenant. */
    TenantProfile updateCurrentMayor(String mayorTitle, String mayorName);

    /** Registers a tenant with its profile and districts. */
    Tenant register(Tenant tenant, String mayorTitle, String mayorName, String mainOffice, List<District> districts);

    boolean isEmpty();

    /** The current tenant's 外字 mappings, by code point. */
    List<GaijiMapping> currentGaijiMappings();

    /** Sets (adds or replaces) one 外字 mapping of the current tenant. */
    void saveGaijiMapping(GaijiMapping mapping);

    /** Removes one 外字 mapping of the current tenant; false if there was none. */
    boolean removeGaijiMapping(int codePoint);

    /** The current tenant's 外字 table: private-use code point → substitute text (only mapped entries). */
    java.util.Map<Integer, String> currentGaijiSubstitutes();
}
