/**
 * The audit log of curator and admin actions: every feature records its actions here in the same
 * transaction as the action, and moderation reads it back. Its own package, so that a feature
 * that records (listing, comment) does not depend on moderation, which depends on them.
 */
package io.paperboy.audit;
