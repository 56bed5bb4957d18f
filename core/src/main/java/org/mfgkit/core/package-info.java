/** mfgkit core module. */
package org.mfgkit.core;
