// Unhunch MSI additions: electron-builder's `msiProjectCreated` hook, run on the WiX
// project (project.wxs) after electron-builder writes it and before WiX compiles it.
// What the NSIS installer does in build/installer.nsh, the MSI does here
// (docs/deployment.md):
// - the policy folder %ProgramData%\Unhunch: owner Administrators, nothing inherited,
//   Administrators and SYSTEM full control, Users read; left in place on uninstall,
//   since it is the administrator's;
// - with ALLUSERSAUTOSTART=1 on the msiexec command line, a per-machine Run value that
//   starts Unhunch at login for every user; uninstalling removes it.
// CommonJS because electron-builder loads hooks with require().
'use strict';

const { readFile, writeFile } = require('node:fs/promises');

/**
 * The folder's security descriptor, by well-known SIDs so it means the same on every
 * Windows language: owner BUILTIN\Administrators (BA); a protected DACL (P: nothing
 * inherited from ProgramData); full access for BA and LocalSystem (SY); read and execute
 * (0x1200a9) for BUILTIN\Users (BU); each inherited by files and folders inside (OICI).
 * Windows Installer 5 applies it from the MsiLockPermissionsEx table.
 */
const POLICY_FOLDER_SDDL = 'O:BAG:BAD:PAI(A;OICI;FA;;;BA)(A;OICI;FA;;;SY)(A;OICI;0x1200a9;;;BU)';

/** Fixed component codes: Windows Installer tracks a component by its code across versions. */
const POLICY_FOLDER_GUID = '{3F0C2A4E-8B1D-4C67-9E25-6A7D1B94C2F3}';
const AUTOSTART_GUID = '{9D4E7B21-5C3A-4F8E-B6D0-2E1F8A7C9B45}';

const RUN_KEY = 'Software\\Microsoft\\Windows\\CurrentVersion\\Run';

/** The places in electron-builder's template the additions go; each must be there once. */
const ANCHORS = {
  targetDir: '<Directory Id="TARGETDIR" Name="SourceDir">',
  feature: '<Feature Id="ProductFeature" Absent="disallow">',
  productEnd: '</Product>',
};

const DIRECTORIES = `
      <Directory Id="CommonAppDataFolder">
        <Directory Id="UNHUNCHPOLICYDIR" Name="Unhunch"/>
      </Directory>`;

const FEATURE_REF = `
      <ComponentGroupRef Id="UnhunchMachineComponents"/>`;

const COMPONENTS = `
    <Property Id="ALLUSERSAUTOSTART" Secure="yes"/>
    <ComponentGroup Id="UnhunchMachineComponents">
      <Component Id="UnhunchPolicyFolder" Directory="UNHUNCHPOLICYDIR" Guid="${POLICY_FOLDER_GUID}" KeyPath="yes" Permanent="yes">
        <CreateFolder>
          <PermissionEx Sddl="${POLICY_FOLDER_SDDL}"/>
        </CreateFolder>
      </Component>
      <Component Id="UnhunchAllUsersAutostart" Directory="APPLICATIONFOLDER" Guid="${AUTOSTART_GUID}">
        <Condition><![CDATA[ALLUSERSAUTOSTART = "1"]]></Condition>
        <RegistryValue Root="HKLM" Key="${RUN_KEY}" Name="Unhunch" Type="string" Value="&quot;[#mainExecutable]&quot;" KeyPath="yes"/>
      </Component>
    </ComponentGroup>
  `;

/** Inserts `text` right after (or before) the one occurrence of `anchor`; refuses otherwise. */
function insertAt(project, anchor, text, where) {
  const first = project.indexOf(anchor);
  if (first < 0 || project.indexOf(anchor, first + 1) >= 0) {
    throw new Error(
      `msi-project: electron-builder's WiX project has ${first < 0 ? 'no' : 'more than one'} ${anchor}; ` +
        'the policy folder and the all-users start cannot be added (build/msi-project.cjs).',
    );
  }
  const at = where === 'after' ? first + anchor.length : first;
  return project.slice(0, at) + text + project.slice(at);
}

/** The WiX project with Unhunch's per-machine additions. */
function addMachineComponents(project) {
  if (!project.includes('Id="mainExecutable"')) {
    throw new Error(
      "msi-project: electron-builder's WiX project names no mainExecutable file; the all-users start would have no program to run.",
    );
  }
  let result = insertAt(project, ANCHORS.targetDir, DIRECTORIES, 'after');
  result = insertAt(result, ANCHORS.feature, FEATURE_REF, 'after');
  return insertAt(result, ANCHORS.productEnd, COMPONENTS, 'before');
}

async function msiProjectCreated(projectFile) {
  const project = await readFile(projectFile, 'utf8');
  await writeFile(projectFile, addMachineComponents(project));
}

module.exports = {
  msiProjectCreated,
  addMachineComponents,
  POLICY_FOLDER_SDDL,
  RUN_KEY,
};
