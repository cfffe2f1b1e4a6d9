package io.paperboy.user;

import io.paperboy.web.Form;
import io.paperboy.web.Page;
import java.util.List;

/** The settings page: the account, its API tokens, a token just created (shown once), the form state. */
public record SettingsView(Page page, Account account, List<ApiToken> tokens, String newToken, Form form) {}
