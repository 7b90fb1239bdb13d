package io.docent.teams.testing;

import io.docent.teams.testing.FakeBotConnector.Member;

/**
 * People of the tests' Teams tenant ({@link Fixtures#TENANT}) and beyond, as the Bot Connector lists them. Alice and
 * Bob are members; Gina is a B2B guest of the tenant (her account lives in it, with {@code userRole} {@code guest});
 * Eve belongs to another organisation's tenant (a federated chat, a shared channel's external participant).
 */
public final class People {

    public static final String OTHER_TENANT = "7e1d2c3b-4a59-4867-9a8b-0c1d2e3f4a5b";

    public static final Member MEGAN = new Member(
            "29:1Q9pL0w3-user-megan",
            "Megan Example",
            "5b7e2c1a-0f3d-4e6b-8a9c-1d2e3f405162",
            "megan@example.com",
            "megan@example.com",
            Fixtures.TENANT,
            "user");
    public static final Member ALICE = new Member(
            "29:1aLiCe-Xy7ZdKq2",
            "Alice Example",
            "a1a1a1a1-0000-4000-8000-00000000a11c",
            "Alice@Example.com",
            "alice@example.com",
            Fixtures.TENANT,
            "user");
    public static final Member BOB = new Member(
            "29:1BoB-Pq9RrTt4",
            "Bob Example",
            "b0b0b0b0-0000-4000-8000-000000000b0b",
            "bob@example.com",
            "bob@example.com",
            Fixtures.TENANT,
            "user");
    public static final Member GINA_GUEST = new Member(
            "29:1GiNa-guest-Zz",
            "Gina Partner (Guest)",
            "9e9e9e9e-0000-4000-8000-0000000009e5",
            "gina@partner.example",
            "gina_partner.example#EXT#@example.onmicrosoft.com",
            Fixtures.TENANT,
            "guest");
    public static final Member EVE_EXTERNAL = new Member(
            "29:1EvE-other-org",
            "Eve Other",
            "e7e7e7e7-0000-4000-8000-0000000000e7",
            "eve@other.example",
            "eve@other.example",
            OTHER_TENANT,
            "user");

    private People() {}
}
