/** mfgkit mdp module. */
package org.mfgkit.mdp;
