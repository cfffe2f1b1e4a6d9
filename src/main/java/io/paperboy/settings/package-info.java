/**
 * The settings of the whole site, kept in the store (table site_settings) so that every node
 * uses the same ones: the arXiv sets the nightly harvest takes and its hour, the auto-feature
 * rules and the name they feature as. Admins change them on the operator page; a node's options
 * only seed a setting the store does not have yet.
 */
package io.paperboy.settings;
