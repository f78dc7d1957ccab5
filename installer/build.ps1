# Builds the Windows installer of Margin Workbench with jpackage:
#   target\installer\image\Margin Workbench\        app image
#   target\installer\Margin Workbench-<version>.msi  installer (Start menu entry, desktop
#                                                   shortcut, "Open with" for .xlsx/.xlsm)
#
# Needs: JDK 17+ (jpackage, jlink, jdeps on PATH), Maven, and WiX Toolset 3.x (candle.exe and
# light.exe on PATH) for the .msi.
#
#   powershell -ExecutionPolicy Bypass -File installer\build.ps1 [-AppImageOnly] [-SkipMaven]
#
# Two launchers: "Margin Workbench.exe" opens the window; "margin-workbench.exe" is a console
# program for the command line (summary, restate), since a window program has no console.
param([switch]$AppImageOnly, [switch]$SkipMaven)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
Set-Location $root

foreach ($tool in 'java', 'jlink', 'jdeps', 'jpackage') {
    if (-not (Get-Command $tool -ErrorAction SilentlyContinue)) { throw "build: $tool not found: install a JDK 17+ and put its bin on PATH" }
}
if (-not $AppImageOnly -and -not (Get-Command candle.exe -ErrorAction SilentlyContinue)) {
    throw 'build: the .msi needs WiX Toolset 3.x (candle.exe, light.exe) on PATH, or use -AppImageOnly'
}

$title = 'Margin Workbench'
$description = "Restates an AI company's gross margin with the AI inference COGS test."
$pom = Get-Content pom.xml -Raw
$version = ([regex]'<artifactId>margin-workbench</artifactId>\s*<version>([0-9.]+)').Match($pom).Groups[1].Value

$out = Join-Path $root 'target\installer'
$input = Join-Path $out 'input'
$runtime = Join-Path $out 'runtime'
$images = Join-Path $out 'image'
foreach ($d in $input, $runtime, $images) { if (Test-Path $d) { Remove-Item -Recurse -Force $d } }
New-Item -ItemType Directory -Force -Path (Join-Path $input 'lib'), $images | Out-Null

if (-not $SkipMaven) {
    mvn -B -ntp -q -DskipTests package
    if ($LASTEXITCODE -ne 0) { throw 'build: mvn package failed' }
}
Copy-Item target\margin-workbench.jar $input
# On Windows Maven copies the JavaFX jars with the "win" classifier; the plain ones are empty.
Get-ChildItem target\lib\*.jar | Where-Object { $_.Name -notmatch '^javafx-[a-z]+-[0-9.]+\.jar$' } |
    Copy-Item -Destination (Join-Path $input 'lib')
Push-Location (Join-Path $input 'lib')
Get-ChildItem javafx-*-*.jar | ForEach-Object {
    $natives = jar tf $_.FullName | Where-Object { $_ -match '^[^/]+\.dll$' }
    if ($natives) { jar xf $_.FullName @natives }
}
Pop-Location
if (Test-Path sample-models) { Copy-Item -Recurse sample-models (Join-Path $input 'sample-models') }

$jdepsPath = Join-Path $out 'jdeps-path'
New-Item -ItemType Directory -Force -Path $jdepsPath | Out-Null
Copy-Item (Join-Path $input 'lib\*.jar') $jdepsPath
$modules = jdeps -q --multi-release 17 --ignore-missing-deps --print-module-deps --module-path $jdepsPath --add-modules ALL-MODULE-PATH (Join-Path $input 'margin-workbench.jar')
Remove-Item -Recurse -Force $jdepsPath
$modules = "$modules,jdk.unsupported,jdk.unsupported.desktop,java.desktop,java.xml,jdk.localedata,jdk.charsets"
jlink --add-modules $modules --include-locales=en,de,fr,es,it,nl,pt,sv,da,nb,fi,pl,ja,zh --strip-debug --no-header-files --no-man-pages --output $runtime
if ($LASTEXITCODE -ne 0) { throw 'build: jlink failed' }

$cli = Join-Path $out 'cli-launcher.properties'
Set-Content $cli "win-console=true`r`n"
$common = @('--name', $title, '--app-version', $version, '--vendor', $title, '--description', $description)
jpackage --type app-image @common --input $input --main-jar margin-workbench.jar `
    --main-class com.marginworkbench.cli.Main --runtime-image $runtime --icon icons\margin-workbench.ico `
    --add-launcher "margin-workbench=$cli" --dest $images
if ($LASTEXITCODE -ne 0) { throw 'build: jpackage app-image failed' }

if (-not $AppImageOnly) {
    # a fixed upgrade code lets a newer .msi replace an older one
    jpackage --type msi @common --app-image (Join-Path $images $title) --dest $out `
        --icon icons\margin-workbench.ico --license-file LICENSE `
        --win-menu --win-menu-group $title --win-shortcut --win-dir-chooser `
        --win-upgrade-uuid 6f1f3c1e-5a0b-4d8e-9b9e-3d2f6a7c4b10 `
        --file-associations installer\associations\xlsx.properties `
        --file-associations installer\associations\xlsm.properties
    if ($LASTEXITCODE -ne 0) { throw 'build: jpackage msi failed' }
}
Remove-Item -Recurse -Force $input, $runtime
Write-Host "build: app image in $images; installers in $out"
